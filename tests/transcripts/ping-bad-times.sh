# ping's -W and -i beyond iputils' bound (INT_MAX/1000 seconds) are refused
# (fuzz_script: -W 1e117 was converted to milliseconds out of range, UBSan)
ping -c 1 -W 99999999 127.0.0.1; echo rc=$?
ping -c 1 -i 1e300 127.0.0.1; echo rc=$?
ping -c 1 -W -1 127.0.0.1; echo rc=$?
