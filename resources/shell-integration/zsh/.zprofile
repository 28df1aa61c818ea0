# Holdfast: a login zsh reads this after .zshenv; it hands over to the user's .zprofile (see .zshenv).
if [[ -r "$__holdfast_user_zdotdir/.zprofile" ]]; then
  ZDOTDIR="$__holdfast_user_zdotdir"
  . "$ZDOTDIR/.zprofile"
  ZDOTDIR="$__holdfast_zdotdir"
fi
