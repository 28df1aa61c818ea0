# Holdfast shell integration for bash.
# Started as `bash --init-file <this file> -i`: bash then reads this file *instead of* its startup files,
# so the user's dotfiles are never edited; we source them ourselves, then add hooks on top.
#
# Marks written to the terminal (OSC 633, ended by BEL). The host acts only on marks that end with the
# session's nonce: a program's output can contain any OSC, and must not be able to forge a command, its
# exit code or the directory. The prompt marks carry no nonce because PS1 is easy to print or export.
#   prompt:            633;A … PS1 … 633;B
#   command accepted:  633;C;<nonce>                   (PS0: before anything of it runs)
#   its command line:  633;E;<line, escaped>;<nonce>   (DEBUG trap, or precmd when the trap never fired)
#                      the line readline held at Enter, else the new history entry (see __holdfast_send_line)
#   command finished:  633;D;<exit code>;<nonce>       (only after a C: empty Enter and Ctrl-C send nothing)
#   directory:         633;P;Cwd=<dir, escaped>;<nonce>
# Escaping (VS Code's): "\" -> "\\", ";" -> "\x3b", bytes below 0x20 -> "\xHH".
# Keys read from the terminal (sent by the host, never printed): see the Enter bindings at the end.
#   \e[24683~  Enter for a line that must stay out of history (a runbook step typed with a secret in it)

# Kept in plain shell variables and dropped from the environment before the user's files run, so that
# no command inherits the nonce: output that merely contains marks (a `cat` of a recording or a log, a
# program echoing what it read) cannot sign them. It guards against accidents and hostile *output*, not
# against a program of the user's own that sets out to forge marks: the shell's start-up environment stays
# readable to the same user in /proc/<pid>/environ.
__holdfast_nonce="${HOLDFAST_NONCE-}"
unset HOLDFAST_NONCE
# It is pasted into PS0, which bash expands: anything but hex would be run as code.
[[ $__holdfast_nonce =~ ^[0-9a-fA-F]*$ ]] || __holdfast_nonce=''
__holdfast_login="${HOLDFAST_SHELL_LOGIN-}"
unset HOLDFAST_SHELL_LOGIN

# What bash itself would have read (--init-file replaces all of it).
if [ "$__holdfast_login" = 1 ]; then
  [ -r /etc/profile ] && . /etc/profile
  if [ -r "$HOME/.bash_profile" ]; then . "$HOME/.bash_profile"
  elif [ -r "$HOME/.bash_login" ]; then . "$HOME/.bash_login"
  elif [ -r "$HOME/.profile" ]; then . "$HOME/.profile"
  fi
else
  [ -r /etc/bash.bashrc ] && . /etc/bash.bashrc
  [ -r "$HOME/.bashrc" ] && . "$HOME/.bashrc"
fi
unset __holdfast_login

# Hooks only once, only in an interactive shell, only with a nonce to sign them.
if [[ -n "${__holdfast_installed-}" || $- != *i* || -z $__holdfast_nonce ]]; then
  return 0 2>/dev/null
fi
__holdfast_installed=1

# Control characters and their escapes, computed once (NUL cannot occur in a bash string).
__holdfast_ctl=()
__holdfast_ctl_esc=()
for __holdfast_i in {1..31}; do
  printf -v __holdfast_e '\\x%02x' "$__holdfast_i"
  printf -v __holdfast_c "$__holdfast_e"
  __holdfast_ctl+=("$__holdfast_c")
  __holdfast_ctl_esc+=("$__holdfast_e")
done
unset __holdfast_i __holdfast_e __holdfast_c

# Sets __holdfast_out to $1 escaped. Replacements are quoted: bash 5.2's patsub_replacement would
# otherwise treat "&" and "\" in them specially. No subshell: this runs around every command.
__holdfast_escape() {
  local s="$1" bs='\' bs2='\\' semi=';' semi_esc='\x3b' i
  s="${s//"$bs"/"$bs2"}"
  s="${s//"$semi"/"$semi_esc"}"
  if [[ $s == *[[:cntrl:]]* ]]; then
    for i in "${!__holdfast_ctl[@]}"; do
      s="${s//"${__holdfast_ctl[i]}"/"${__holdfast_ctl_esc[i]}"}"
    done
  fi
  __holdfast_out="$s"
}

# Sets __holdfast_hist_n and __holdfast_hist_line from the newest history entry.
__holdfast_read_history() {
  local entry
  entry="$(HISTTIMEFORMAT='' builtin history 1)"
  if [[ $entry =~ ^\ *([0-9]+)[\*\ ]\ (.*)$ ]]; then
    __holdfast_hist_n="${BASH_REMATCH[1]}"
    __holdfast_hist_line="${BASH_REMATCH[2]}"
  else
    __holdfast_hist_n=''
    __holdfast_hist_line=''
  fi
}
__holdfast_read_history
__holdfast_last_hist="$__holdfast_hist_n"

# The lines readline accepted since the last prompt (several when a command continues on the next line),
# taken as Enter is pressed: see __holdfast_take_line below.
__holdfast_typed=''

# Sends the running command's E mark, with the line as readline held it at Enter (continuation lines
# included, exactly as typed). A line with history expansion (`!!`, `!$`) is sent as it ran instead: the new
# history entry bash added, or without one (HISTCONTROL=ignorespace/ignoredups, HISTIGNORE, history off) the
# line expanded here. Without a line from readline (bash < 4, or Enter bound to something else) it is the
# history entry, else $1, the first simple command as bash parsed it. Empty means unknown: then no E,
# rather than a guess. History is read every time, so that a new entry is never mistaken for an old one.
__holdfast_send_line() {
  __holdfast_line_sent=1
  local line="$1" typed="$__holdfast_typed" new_entry=''
  __holdfast_typed=''
  __holdfast_read_history
  if [[ -n $__holdfast_hist_n && $__holdfast_hist_n != "$__holdfast_last_hist" ]]; then
    new_entry="$__holdfast_hist_line"
    __holdfast_last_hist="$__holdfast_hist_n"
    if [[ -n $__holdfast_private ]]; then
      # Before the command runs, so before any `history -a` in the user's PROMPT_COMMAND can write it out.
      builtin history -d "$__holdfast_hist_n"
      __holdfast_read_history
      __holdfast_last_hist="$__holdfast_hist_n"
    fi
  fi
  if [[ -n $typed && ( $typed != *'!'* || $- != *H* ) ]]; then
    line="$typed"
  elif [[ -n $new_entry ]]; then
    line="$new_entry"
  elif [[ -n $typed ]]; then
    line="$(builtin history -p -- "$typed" 2>/dev/null)" || line="$typed"
  fi
  [[ -n $line ]] || return 0
  __holdfast_escape "$line"
  builtin printf '\e]633;E;%s;%s\a' "$__holdfast_out" "$__holdfast_nonce"
}

__holdfast_running=''
__holdfast_line_sent=''
__holdfast_armed=''
__holdfast_private=''

# DEBUG trap: runs before every simple command of the shell itself (not of subshells). Always returns 0:
# under `shopt -s extdebug` a non-zero return would skip the user's command.
__holdfast_preexec() {
  [[ -n "${COMP_LINE-}" ]] && return 0 # programmable completion runs while the user is still typing
  [[ "$BASH_COMMAND" == __holdfast_take_line* ]] && return 0 # readline's Enter key, still at the prompt
  case "${FUNCNAME[1]-}" in __holdfast_*) return 0 ;; esac # our own functions under `set -o functrace`
  if [[ "$BASH_COMMAND" == __holdfast_precmd* ]]; then
    __holdfast_armed='' # empty Enter or Ctrl-C: PROMPT_COMMAND is what runs next
    return 0
  fi
  if [[ -n "$__holdfast_armed" ]]; then
    # Only without PS0 (see __holdfast_arm): the first simple command after the prompt starts the output.
    __holdfast_armed=''
    __holdfast_running=1
    builtin printf '\e]633;C;%s\a' "$__holdfast_nonce"
  fi
  if [[ -n "$__holdfast_running" && -z "$__holdfast_line_sent" ]]; then
    __holdfast_send_line "$BASH_COMMAND"
  fi
  return 0
}

# First in PROMPT_COMMAND, so $? is still the command's status; handed on unchanged to the user's hooks.
__holdfast_precmd() {
  local code=$?
  if [[ -n "$__holdfast_running" ]]; then
    # A line that runs no simple command in this shell (`(exit 3)`, `time ( … )`, a coproc) never fired
    # the DEBUG trap; its history entry is still there to send.
    [[ -n "$__holdfast_line_sent" ]] || __holdfast_send_line ''
    builtin printf '\e]633;D;%s;%s\a' "$code" "$__holdfast_nonce"
  fi
  __holdfast_running=''
  __holdfast_line_sent=''
  __holdfast_armed=''
  __holdfast_typed=''
  __holdfast_private=''
  __holdfast_escape "$PWD"
  builtin printf '\e]633;P;Cwd=%s;%s\a' "$__holdfast_out" "$__holdfast_nonce"
  return $code
}

# PS0 is printed after a line is read and before it runs, and never for an empty line or Ctrl-C: the
# right moment for C. Its expansion happens in this shell, so the array subscript (an arithmetic
# assignment that expands to nothing) records that a command is running without forking.
__holdfast_ps0_hook=('')
__holdfast_ps0_mark=$'\e]633;C;'"$__holdfast_nonce"$'\a''${__holdfast_ps0_hook[(__holdfast_running=1)*0]}'

# Last in PROMPT_COMMAND: wraps whatever PS1/PS0 the user's hooks left (prompt frameworks rewrite PS1).
__holdfast_arm() {
  local code=$?
  [[ "$PS1" == "${__holdfast_ps1-}" ]] || __holdfast_user_ps1="$PS1"
  PS1='\[\e]633;A\a\]'"${__holdfast_user_ps1-}"'\[\e]633;B\a\]'
  __holdfast_ps1="$PS1"
  if (( BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4) )) && shopt -q promptvars; then
    [[ "${PS0-}" == "${__holdfast_ps0-}" ]] || __holdfast_user_ps0="${PS0-}"
    PS0="$__holdfast_ps0_mark${__holdfast_user_ps0-}"
    __holdfast_ps0="$PS0"
  else
    __holdfast_armed=1 # no usable PS0: the DEBUG trap sends C, and commands without a simple one are missed
  fi
  return $code
}

if (( BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1) )); then
  PROMPT_COMMAND=(__holdfast_precmd "${PROMPT_COMMAND[@]}" __holdfast_arm)
else
  PROMPT_COMMAND=$'__holdfast_precmd\n'"${PROMPT_COMMAND-}"$'\n__holdfast_arm'
fi

# Enter, where it is bound to accept-line (bash 4+, every keymap the user may edit in): a macro that first
# runs __holdfast_take_line, which keeps READLINE_LINE, then accept-line as before. "$_" is passed so that
# bash's $_ (the last argument of the previous command) is the same when the line runs.
# \e[24683~ is the same Enter for a line the host typed with a secret value in it: the line's history
# entry is deleted as it runs (__holdfast_send_line), so the secret never reaches HISTFILE. It is bound
# whatever the user's Enter does, because the host sends it to any shell with integration.
__holdfast_take_line() {
  __holdfast_typed+="${__holdfast_typed:+$'\n'}$READLINE_LINE"
}
__holdfast_take_private_line() {
  __holdfast_private=1
  __holdfast_take_line
}
if (( BASH_VERSINFO[0] >= 4 )); then
  for __holdfast_keymap in emacs vi-insert vi-command; do
    builtin bind -m "$__holdfast_keymap" -x '"\e[24680~": __holdfast_take_line "$_"'
    builtin bind -m "$__holdfast_keymap" -x '"\e[24682~": __holdfast_take_private_line "$_"'
    builtin bind -m "$__holdfast_keymap" '"\e[24681~": accept-line'
    builtin bind -m "$__holdfast_keymap" '"\e[24683~": "\e[24682~\e[24681~"'
    __holdfast_enter_keys="$(builtin bind -m "$__holdfast_keymap" -q accept-line 2>/dev/null)"
    [[ $__holdfast_enter_keys == *'"\C-m"'* ]] || continue
    builtin bind -m "$__holdfast_keymap" '"\C-m": "\e[24680~\e[24681~"'
    [[ $__holdfast_enter_keys == *'"\C-j"'* ]] && builtin bind -m "$__holdfast_keymap" '"\C-j": "\e[24680~\e[24681~"'
  done
  unset __holdfast_keymap __holdfast_enter_keys
fi

# A DEBUG trap the user's files set (bash-preexec, atuin…) keeps running after ours. Passing "$_" keeps
# it: bash sets $_ to the last argument of the trap's own call.
__holdfast_prior_trap="$(builtin trap -p DEBUG)"
__holdfast_prior_trap="${__holdfast_prior_trap#"trap -- '"}"
__holdfast_prior_trap="${__holdfast_prior_trap%"' DEBUG"}"
__holdfast_prior_trap="${__holdfast_prior_trap//"'\\''"/"'"}"
builtin trap '__holdfast_preexec "$_"'"${__holdfast_prior_trap:+; $__holdfast_prior_trap}" DEBUG
unset __holdfast_prior_trap
