import { wire } from '../../src/wiring';

// Tests that call the flow's modules directly (not through the worker's fetch) get the same wiring as
// the worker entry: signal sources and the simulated fleet behind dispatch.
wire();
