/** Public surface of src/alerts: what other modules import. Imports from outside the module go through this file. */
export { attemptDelivery, deliverAlert, deliverDueAlerts } from './deliver';
export { insertAlert as enqueueAlert, MAX_ATTEMPTS, retryDelayMs, teamAlerts } from './outbox';
export { SIGNATURE_HEADER, signPayload } from './sign';
export type { BudgetAlert } from './types';
