# net.ipv4.tcp_*: defaults in a new namespace, writes, per-namespace values, invalid values.
ip netns add n
ip netns add m
ip netns exec n sysctl net.ipv4.tcp_rmem net.ipv4.tcp_wmem net.ipv4.tcp_window_scaling net.ipv4.tcp_timestamps net.ipv4.tcp_sack
ip netns exec n sysctl net.ipv4.tcp_syn_retries net.ipv4.tcp_synack_retries net.ipv4.tcp_retries1 net.ipv4.tcp_retries2 net.ipv4.tcp_fin_timeout
ip netns exec n sysctl net.ipv4.tcp_keepalive_time net.ipv4.tcp_keepalive_intvl net.ipv4.tcp_keepalive_probes
ip netns exec n sysctl net.ipv4.tcp_syncookies net.ipv4.tcp_max_syn_backlog net.ipv4.tcp_mtu_probing net.ipv4.tcp_base_mss net.ipv4.tcp_moderate_rcvbuf
ip netns exec n sysctl net.ipv4.tcp_adv_win_scale net.ipv4.tcp_dsack net.ipv4.tcp_reordering net.ipv4.tcp_min_snd_mss net.ipv4.tcp_orphan_retries net.ipv4.tcp_abort_on_overflow net.ipv4.tcp_rfc1337
ip netns exec n sysctl -w net.ipv4.tcp_congestion_control=reno
ip netns exec n sysctl net.ipv4.tcp_congestion_control
ip netns exec n sysctl -w net.ipv4.tcp_congestion_control=reno
ip netns exec n sysctl -n net.ipv4.tcp_congestion_control
ip netns exec n sysctl -w net.ipv4.tcp_congestion_control=vegas2; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_rmem="4096 65536 1048576"
ip netns exec n sysctl net.ipv4.tcp_rmem
ip netns exec m sysctl net.ipv4.tcp_rmem
ip netns exec n sysctl -w net.ipv4.tcp_wmem="8192 32768 2097152"
ip netns exec n sysctl -n net.ipv4.tcp_wmem
ip netns exec n sysctl -w net.ipv4.tcp_rmem="0 1 2"; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_rmem="abc"; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_rmem="8192"
ip netns exec n sysctl net.ipv4.tcp_rmem
ip netns exec n sysctl -w net.ipv4.tcp_syn_retries=3 net.ipv4.tcp_fin_timeout=30 net.ipv4.tcp_keepalive_time=600
ip netns exec n sysctl net.ipv4.tcp_syn_retries net.ipv4.tcp_fin_timeout net.ipv4.tcp_keepalive_time
ip netns exec m sysctl net.ipv4.tcp_syn_retries net.ipv4.tcp_fin_timeout net.ipv4.tcp_keepalive_time
ip netns exec n sysctl -w net.ipv4.tcp_syn_retries=0; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_syn_retries=128; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_sack=0 net.ipv4.tcp_timestamps=0 net.ipv4.tcp_window_scaling=0
ip netns exec n sysctl net.ipv4.tcp_sack net.ipv4.tcp_timestamps net.ipv4.tcp_window_scaling
ip netns exec n sysctl -w net.ipv4.tcp_sack=2; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_timestamps=-1; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_syncookies=2
ip netns exec n sysctl -w net.ipv4.tcp_syncookies=256; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_keepalive_probes=300; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_keepalive_intvl=x; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_max_syn_backlog=4096
ip netns exec n sysctl -w net.ipv4.tcp_mtu_probing=3; echo rc=$?
ip netns exec n sysctl -w net.ipv4.tcp_retries2=8
ip netns exec n sysctl -w net.ipv4.tcp_nosuch=1; echo rc=$?
ip netns exec n sysctl net.ipv4.tcp_nosuch; echo rc=$?
