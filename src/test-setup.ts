import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Whole-app renders load each page's code lazily (react-router `lazy`) and render Cloudscape in
// happy-dom; on a loaded 2-core machine a first `findBy…` can take well over Testing Library's
// default 1 s. Tests that need longer still set their own.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
