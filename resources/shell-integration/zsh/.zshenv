# Holdfast shell integration for zsh. The terminal starts zsh with ZDOTDIR pointing at this folder, so zsh
# reads these four files instead of the user's; each sources the user's file of the same name from their
# own folder (HOLDFAST_USER_ZDOTDIR when they had a ZDOTDIR, else $HOME), so their dotfiles are never
# edited. The last startup file zsh reads puts ZDOTDIR back as it was, so nested zsh and `exec zsh`
# behave as in any other terminal. The hooks are in .zshrc.

# Kept in plain parameters and dropped from the environment before the user's files run, so that no command
# inherits the nonce (what it guards against, and what not: see bash-integration.sh). It is pasted into a
# prompt string: only hex is safe there.
typeset -g __holdfast_nonce="${HOLDFAST_NONCE-}"
unset HOLDFAST_NONCE
[[ $__holdfast_nonce =~ '^[0-9a-fA-F]*$' ]] || __holdfast_nonce=''
typeset -g __holdfast_zdotdir="$ZDOTDIR"
if (( ${+HOLDFAST_USER_ZDOTDIR} )); then
  typeset -g __holdfast_user_zdotdir="$HOLDFAST_USER_ZDOTDIR" __holdfast_had_zdotdir=1
else
  typeset -g __holdfast_user_zdotdir="$HOME" __holdfast_had_zdotdir=''
fi
unset HOLDFAST_USER_ZDOTDIR

# Sourced here, not from a function: a function would make the user's `typeset`s local to it.
if [[ -r "$__holdfast_user_zdotdir/.zshenv" ]]; then
  ZDOTDIR="$__holdfast_user_zdotdir"
  . "$ZDOTDIR/.zshenv"
  # Their .zshenv may move ZDOTDIR (to ~/.config/zsh, say); zsh would read the other files from there.
  [[ "$ZDOTDIR" == "$__holdfast_user_zdotdir" ]] || __holdfast_user_zdotdir="$ZDOTDIR" __holdfast_had_zdotdir=1
  ZDOTDIR="$__holdfast_zdotdir"
fi

# Called at the end of the last startup file.
__holdfast_restore_zdotdir() {
  if [[ -n $__holdfast_had_zdotdir ]]; then
    export ZDOTDIR="$__holdfast_user_zdotdir"
  else
    unset ZDOTDIR
  fi
  unset __holdfast_zdotdir __holdfast_user_zdotdir __holdfast_had_zdotdir
  unfunction __holdfast_restore_zdotdir
}
