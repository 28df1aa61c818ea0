# Holdfast: an interactive zsh reads this after .zshenv (and .zprofile); it hands over to the user's .zshrc,
# then adds the hooks. The marks and their escaping are the bash script's (bash-integration.sh):
#   prompt:            633;A … PS1 … 633;B
#   command accepted:  633;E;<line, escaped>;<nonce> then 633;C;<nonce>   (preexec)
#   command finished:  633;D;<exit code>;<nonce>                          (see __holdfast_preexec)
#   directory:         633;P;Cwd=<dir, escaped>;<nonce>                   (precmd)
# zsh runs preexec only for a line it is about to run: an empty Enter or Ctrl-C sends nothing.
# Keys read from the terminal (sent by the host, never printed):
#   \e[24683~  Enter for a line that must stay out of history (a runbook step typed with a secret in it)

if [[ -r "$__holdfast_user_zdotdir/.zshrc" ]]; then
  ZDOTDIR="$__holdfast_user_zdotdir"
  . "$ZDOTDIR/.zshrc"
  ZDOTDIR="$__holdfast_zdotdir"
fi
# A login shell still has .zlogin to read, from this folder.
[[ -o login ]] || __holdfast_restore_zdotdir

if [[ -z ${__holdfast_installed-} && -o interactive && -n $__holdfast_nonce ]]; then
  typeset -g __holdfast_installed=1 __holdfast_running='' __holdfast_eol_mark=''

  # Sets REPLY to $1 escaped. Control characters are rare (multi-line commands), so they alone are
  # handled one character at a time.
  __holdfast_escape() {
    emulate -L zsh
    local s="${${1//\\/\\\\}//;/\\x3b}" out='' ch
    if [[ $s == *[[:cntrl:]]* ]]; then
      for ch in "${(@s::)s}"; do
        if [[ $ch == [[:cntrl:]] ]]; then
          out+="\\x${(l:2::0:)$(( [##16] #ch ))}"
        else
          out+="$ch"
        fi
      done
      s="$out"
    fi
    REPLY="$s"
  }

  # zsh prints its PROMPT_SP line (the "%" after output with no final newline, then a line of spaces)
  # before any precmd hook runs, so a D sent from precmd would put that line into every command's output.
  # PROMPT_EOL_MARK is the first thing that line prints, and %? expands there to the command's status.
  __holdfast_preexec() {
    emulate -L zsh
    __holdfast_running=1
    # $1 is the line as typed; it is empty when history is off, then $3 is the full text that runs.
    __holdfast_escape "${1:-$3}"
    builtin printf '\e]633;E;%s;%s\a\e]633;C;%s\a' "$REPLY" "$__holdfast_nonce" "$__holdfast_nonce"
    typeset -g __holdfast_user_eol_mark_set="${+PROMPT_EOL_MARK}" __holdfast_user_eol_mark="${PROMPT_EOL_MARK-}"
    typeset -g __holdfast_eol_mark="%{"$'\e]633;D;%?;'"$__holdfast_nonce"$'\a'"%}${PROMPT_EOL_MARK-%B%S%#%s%b}"
    PROMPT_EOL_MARK="$__holdfast_eol_mark"
    # Prompt themes add precmd hooks when they load; ours must stay first (for $?) and last (for PS1).
    # Reordered here rather than in precmd, while zsh is not walking the list.
    precmd_functions=(__holdfast_precmd ${precmd_functions:#__holdfast_(precmd|wrap_prompt)} __holdfast_wrap_prompt)
  }

  __holdfast_precmd() {
    local code=$?
    emulate -L zsh
    __holdfast_private=''
    if [[ -n $__holdfast_running ]]; then
      __holdfast_running=''
      # Unless the command turned PROMPT_SP off or changed the mark, zsh has already printed the D.
      if [[ ! -o prompt_sp || ! -o prompt_cr || "$PROMPT_EOL_MARK" != "$__holdfast_eol_mark" ]]; then
        builtin printf '\e]633;D;%s;%s\a' "$code" "$__holdfast_nonce"
      fi
      if [[ "$PROMPT_EOL_MARK" == "$__holdfast_eol_mark" ]]; then
        if (( __holdfast_user_eol_mark_set )); then PROMPT_EOL_MARK="$__holdfast_user_eol_mark"; else unset PROMPT_EOL_MARK; fi
      fi
    fi
    __holdfast_escape "$PWD"
    builtin printf '\e]633;P;Cwd=%s;%s\a' "$REPLY" "$__holdfast_nonce"
    return $code
  }

  # Last precmd hook: wraps whatever PS1 the user's hooks left (themes rewrite it before each prompt).
  __holdfast_wrap_prompt() {
    [[ "$PS1" == "${__holdfast_ps1-}" ]] || typeset -g __holdfast_user_ps1="$PS1"
    typeset -g PS1="%{"$'\e]633;A\a'"%}${__holdfast_user_ps1}%{"$'\e]633;B\a'"%}"
    typeset -g __holdfast_ps1="$PS1"
  }

  # The Enter the host sends after a line with a secret value in it. zshaddhistory returning 1 keeps the
  # line out of the history file (and out of the history list once the next line is read); preexec still
  # gets it as typed. Bound in every keymap the user may edit in; `zle accept-line` keeps their wrappers.
  typeset -g __holdfast_private=''
  __holdfast_accept_private_line() {
    typeset -g __holdfast_private=1
    zle accept-line
  }
  zle -N __holdfast_accept_private_line
  for __holdfast_keymap in emacs viins vicmd; do
    bindkey -M $__holdfast_keymap $'\e[24683~' __holdfast_accept_private_line
  done
  unset __holdfast_keymap
  __holdfast_keep_private_lines_out() {
    [[ -z $__holdfast_private ]]
  }

  autoload -Uz add-zsh-hook
  add-zsh-hook preexec __holdfast_preexec
  add-zsh-hook zshaddhistory __holdfast_keep_private_lines_out
  precmd_functions=(__holdfast_precmd ${precmd_functions:#__holdfast_(precmd|wrap_prompt)} __holdfast_wrap_prompt)
fi
