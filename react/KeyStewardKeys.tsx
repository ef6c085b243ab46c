// Route component (admin/routes.json); the page lives in admin/Keys/KeysPage.
export { default } from './admin/Keys/KeysPage'
