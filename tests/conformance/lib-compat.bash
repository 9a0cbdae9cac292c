# BASH_ENV of every conformance run (tests/conformance/run.sh), both sides.
# traceroute.sh of the linux-source-6.12 tree calls check_err and
# require_command, which that tree's net/lib.sh does not have yet (later
# lib.sh has them): without them its check vanishes ("check_err: command not
# found") and each case prints [ OK ] whatever traceroute printed.  These are
# upstream's definitions; a script or lib.sh that has its own replaces them.
check_err()
{
	local err=$1
	local msg=$2

	if ((err)); then
		ret_set_ksft_status "$ksft_fail" "$msg"
	fi
}

require_command()
{
	local cmd=$1

	if [[ ! -x "$(command -v "$cmd")" ]]; then
		echo "SKIP: $cmd not installed"
		exit "$ksft_skip"
	fi
}
