// Starts GOV.UK Frontend's components. Every core task also works without JavaScript.
import { initAll } from './govuk-frontend.min.js';

initAll();
