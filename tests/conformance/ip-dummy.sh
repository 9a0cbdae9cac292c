#!/bin/bash
# `ip` in front of the real one (Linux) or the shim (skbox): this machine's
# kernel has no `dummy` driver, so `ip link add NAME type dummy` becomes a
# veth whose peer (NAME_p, up, otherwise ignored) keeps the carrier on.
# The same substitute runs on both sides.  Everything else passes through.
here=$(dirname "$0")
real=
IFS=: read -ra dirs <<< "$PATH"
for d in "${dirs[@]}"; do
	[ "$(realpath "$d" 2>/dev/null)" = "$(realpath "$here")" ] && continue
	[ -x "$d/ip" ] && { real=$d/ip; break; }
done
[ -n "$real" ] || { echo "ip: not found" >&2; exit 127; }
args=("$@")
ns=() name= dummy=-1 add=0
for ((i = 0; i < ${#args[@]}; i++)); do
	a=${args[i]}
	case $a in
	-n|-netns|-net) ns=(-n "${args[i+1]}") ;;
	add) if [ "$add" = 0 ] && [ -z "$name" ]; then
		add=1 name=${args[i+1]}
		case $name in dev|name) name=${args[i+2]} ;; esac
	     fi ;;
	name) name=${args[i+1]} ;;
	dummy) [ "$i" -gt 0 ] && [ "${args[i-1]}" = type ] && dummy=$i ;;
	esac
done
if [ "$dummy" -lt 0 ] || [ -z "$name" ]; then
	exec "$real" "$@"
fi
peer="${name:0:13}_p"
"$real" "${args[@]:0:dummy}" veth peer name "$peer" "${args[@]:dummy+1}" || exit $?
"$real" "${ns[@]}" link set "$peer" up
