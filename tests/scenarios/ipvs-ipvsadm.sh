# ipvsadm 1.31 commands, listings, messages and exit statuses (expected output written
# from ipvsadm's source: no ip_vs in this machine's kernel, see docs/IPVS.md).
ipvsadm -A -t 10.96.0.10:80 -s rr
ipvsadm -a -t 10.96.0.10:80 -r 10.244.0.2:8080 -m
ipvsadm -a -t 10.96.0.10:80 -r 10.244.0.3:8080 -m -w 2
ipvsadm -a -t 10.96.0.10:80 -r 10.244.0.3:8080 -m
ipvsadm -a -t 10.96.0.11:80 -r 10.244.0.3:8080 -m
ipvsadm -A -u 10.96.0.10:53 -s wlc -p
ipvsadm -L -n
ipvsadm -S -n
ipvsadm -L -n --stats
ipvsadm -D -t 1.2.3.4:80; echo rc=$?
ipvsadm -A -t 1.2.3.4:80 -s foo; echo rc=$?
ipvsadm -A -t 1.2.3.4; echo rc=$?
ipvsadm -Ln --timeout
ipvsadm --set 100 0 30
ipvsadm -L --timeout
ipvsadm -Q; echo rc=$?
ipvsadm -L --foo; echo rc=$?
ipvsadm -L -n -t 10.96.0.10:80
ipvsadm -C
ipvsadm -Ln
echo -A -t 10.1.1.1:80 -s wrr | ipvsadm -R
echo -a -t 10.1.1.1:80 -r 10.1.1.2:80 -m -w 3 | ipvsadm --restore
ipvsadm -e -t 10.1.1.1:80 -r 10.1.1.2:80 -g -w 0 -x 10 -y 5
ipvsadm -E -t 10.1.1.1:80 -s sh -p 120 -M 255.255.255.0
ipvsadm -Ln --thresholds
ipvsadm -Sn
ipvsadm -L
ipvsadm -Z -t 10.1.1.1:80
ipvsadm -Z -t 10.1.1.9:80; echo rc=$?
ipvsadm -L -n -t 10.1.1.9:80; echo rc=$?
ipvsadm -L -n --rate
ipvsadm -a -t 10.1.1.1:80; echo rc=$?
ipvsadm -L -w 3; echo rc=$?
ipvsadm -L -c --stats; echo rc=$?
ipvsadm -A -E -t 10.1.1.1:80; echo rc=$?
ipvsadm -a -t 10.1.1.1:80 -r 10.1.1.3 -w 70000; echo rc=$?
ipvsadm -e -t 10.1.1.1:80 -r 10.1.1.3:80; echo rc=$?
ipvsadm -d -t 10.1.1.1:80 -r 10.1.1.2:80
ipvsadm -A -t 10.1.1.1:http -s lc; echo rc=$?
ipvsadm -A -u 10.1.1.1:53 -o -s rr
ipvsadm -A -t 10.1.1.1:54 -o; echo rc=$?
ipvsadm -L -n
ipvsadm -L -n --nosort
ipvsadm -p; echo rc=$?
ipvsadm -L -n extra; echo rc=$?
ipvsadm -v
