export { BijeenRegistrationForm } from './components/registration-form/registration-form.js';
