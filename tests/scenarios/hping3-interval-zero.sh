# hping3 -i 0 and -i u0 arm no timer (hping3's alarm(0), a zero setitimer):
# one probe, then hping3 only listens until a signal, even with -c 3.  Checked
# on Linux with Debian's hping3 3.a2.ds2-10: "1 packets transmitted", status
# 124 under timeout.  (fuzz_script found skbox's hping3 sending for ever in no
# virtual time.)  The statistics go to stderr, as hping3's do.
ip link set lo up
timeout -s INT 2 hping3 -n -i 0 -c 3 127.0.0.1; echo rc=$?
timeout -s INT 2 hping3 -n -2 -p 9 -i u0 127.0.0.1; echo rc=$?
hping3 -n -i 0 127.0.0.1
echo rc=$?
# -i N is strtol(N, NULL, 0) kept in an int, -i uN atol(N) in tv_usec (as on Linux:
# 0x1 is 1 s, 2^32 + 1 is 1 s, a negative or 2^63 one is "bad timing interval",
# u2000000 is refused by setitimer, so one probe)
hping3 -n -c 2 -i 0x1 127.0.0.1; echo rc=$?
hping3 -n -c 2 -i 4294967297 127.0.0.1; echo rc=$?
hping3 -n -c 1 -i 9999999999999999990 127.0.0.1; echo rc=$?
hping3 -n -c 1 -i u-1 127.0.0.1; echo rc=$?
timeout -s INT 3 hping3 -n -c 3 -i u2000000 127.0.0.1; echo rc=$?
