// Route component (admin/routes.json); the page lives in admin/Review/ReviewPage.
export { default } from './admin/Review/ReviewPage'
