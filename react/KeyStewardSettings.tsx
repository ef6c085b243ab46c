// Route component (admin/routes.json); the page lives in admin/Settings/SettingsPage.
export { default } from './admin/Settings/SettingsPage'
