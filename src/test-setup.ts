import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setLambdaRequestRate } from './api/request-pacing.ts';

// Whole-app renders load each page's code lazily (react-router `lazy`) and render Cloudscape in
// happy-dom; on a loaded 2-core machine a first `findBy…` can take well over Testing Library's
// default 1 s. Tests that need longer still set their own.
configure({ asyncUtilTimeout: 5000 });

// A fake Lambda answers at once: no pacing under the console's share of Lambda's request rate
// (tests of the pacing set their own rate).
setLambdaRequestRate(Infinity);

afterEach(() => cleanup());
