/** The Node command line (`npm run cli -- <command>`): runs the command and sets the exit code. */
import { dispatch } from './dispatch';
import { processIo } from './io';

process.exitCode = await dispatch(process.argv.slice(2), processIo);
