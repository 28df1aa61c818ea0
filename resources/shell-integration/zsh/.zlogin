# Holdfast: a login zsh reads this last (after .zshrc); it hands over to the user's .zlogin (see .zshenv).
if [[ -r "$__holdfast_user_zdotdir/.zlogin" ]]; then
  ZDOTDIR="$__holdfast_user_zdotdir"
  . "$ZDOTDIR/.zlogin"
fi
__holdfast_restore_zdotdir
