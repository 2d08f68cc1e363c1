// Generated migrations are listed here explicitly so the app, the CLI and Jest load the
// same set without filesystem globbing. Add each new migration class at the end.
import { Init1795816656363 } from './1795816656363-Init';

export const ALL_MIGRATIONS = [Init1795816656363];
