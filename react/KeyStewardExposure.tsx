// Route component (admin/routes.json); the page lives in admin/Exposure/ExposurePage.
export { default } from './admin/Exposure/ExposurePage'
