// Route component (admin/routes.json); the page lives in admin/Overview/OverviewPage.
export { default } from './admin/Overview/OverviewPage'
