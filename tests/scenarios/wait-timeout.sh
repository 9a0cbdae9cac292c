# `wait` is a foreground command: --timeout (here 3.5 s) bounds it, and a
# background job still running then is interrupted (^C) as at the end of a
# script.  Found by fuzz_script: `ping … &` then `wait` ran for ever.
ip link set lo up
ping -i 1 127.0.0.1 &
wait
echo rc=$?
ping -c 2 -i 0.5 127.0.0.1 &
wait
echo rc=$?
