# iperf3's parameter checks: the report interval (0, or 0.1 to 60 seconds) and
# the port; a 50-digit interval once overflowed the conversion to nanoseconds
# (fuzz_script).
ip netns add n
ip netns exec n iperf3 -c 10.0.0.1 -i 0777777777777777777777777777777777777777777777777; echo rc=$?
ip netns exec n iperf3 -c 10.0.0.1 -i 70; echo rc=$?
ip netns exec n iperf3 -c 10.0.0.1 -i 0.05; echo rc=$?
ip netns exec n iperf3 -c 10.0.0.1 -i -5; echo rc=$?
ip netns exec n iperf3 -c 10.0.0.1 -p 70000; echo rc=$?
ip netns exec n iperf3 -c 10.0.0.1 -i 1 -n 1e300; echo rc=$?
ip netns exec n iperf3 -c 10.0.0.1 -R -b 1e300; echo rc=$?
