/** Public surface of src/sim: what other modules import. Imports from outside the module go through this file. */
export { clearSimFaults, listSimFaults, setSimFault, SIM_FAULTS } from './faults';
export { simFetch } from './fleet';
export { receivedBodies, servedStreams, setRecording } from './recorder';
export { clearSimScripts, listSimScripts, setSimScript } from './scripts';
