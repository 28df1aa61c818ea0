// The account logged in to this computer: who acted when settings name no responder, and who exported.
import { userInfo } from 'node:os';

/** The OS user's name, or 'unknown': userInfo() throws for a uid with no passwd entry (some containers). */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
