// Route component (admin/routes.json); the page lives in admin/Users/UsersPage.
export { default } from './admin/Users/UsersPage'
