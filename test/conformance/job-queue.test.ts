import { openQueueHarness } from './support/queue-backends.js';
import { jobQueueSuite } from './suites/job-queue-suite.js';

jobQueueSuite('SQLite', () => openQueueHarness('sqlite'));
jobQueueSuite('pg-boss', () => openQueueHarness('pg-boss'));
