// Login page entry (CSP forbids inline scripts).
import { initLoginPage } from '/static/js/auth.js';

initLoginPage();
