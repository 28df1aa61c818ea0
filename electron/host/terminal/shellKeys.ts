// Keys the host types into a shell with Holdfast's integration. They are bound by the integration scripts
// (resources/shell-integration: bash-integration.sh, zsh/.zshrc), are never printed by anything, and reach
// the shell only as input, which programs' output cannot forge.

/**
 * Enter for a line that must not be kept in the shell's history: a runbook step typed with a secret value
 * in it. The line runs and is captured as usual; bash deletes its history entry before it runs, zsh never
 * adds it (zshaddhistory), so the secret never reaches HISTFILE.
 */
export const enterWithoutHistory = '\x1b[24683~';
