// Route component (admin/routes.json); the page lives in admin/KeyDetail/KeyDetailPage.
export { default } from './admin/KeyDetail/KeyDetailPage'
