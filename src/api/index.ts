/** Public surface of src/api: what other modules import. Imports from outside the module go through this file. */
export { adminRoutes } from './admin';
export { chatCompletions } from './chat';
export { createEmbeddings } from './embeddings';
export { getDecision } from './decisions';
export { postFeedback } from './feedback';
export { messagesApp } from './messages/route';
export { modelsApp } from './models';
export { createResponse } from './responses/route';
export { getUsage } from './usage';
