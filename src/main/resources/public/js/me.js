// My-account page entry (CSP forbids inline scripts).
import { initMePage } from '/static/js/auth.js';

initMePage();
