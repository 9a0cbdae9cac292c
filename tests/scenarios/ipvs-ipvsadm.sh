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
