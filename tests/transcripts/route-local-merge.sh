# The local table merged into main while there are no custom rules (Linux's
# fib_new_table()/fib_trie_table(id, alias)): a lookup is longest-prefix over
# both tables' routes; the first rule splits them (fib_unmerge()) and the
# rules then look up local before main.  Dumps, deletes and flushes see one
# table's routes at a time, merged or not.
ip link add v0 address 02:00:00:00:01:02 type veth peer name v1 address 02:00:00:00:01:01
ip link set v0 up
ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip route add local 10.9.0.0/16 dev lo table local
ip route add 10.9.1.0/24 dev v0
ip route add 10.0.0.1/32 dev v0 metric 5
ip route add local 10.0.0.77 dev v0 table local
ip route add broadcast 10.0.0.77 dev v0 table main
ip route get 10.9.1.1
ip route get 10.9.2.1
ip route get 10.0.0.1
ip route get 10.0.0.77
ip route get fibmatch 10.9.1.1
ip route get fibmatch 10.0.0.77
ip route show table local
ip route show table main
ip route show table all
ip route del 10.0.0.1/32 dev v0 metric 5
ip route del local 10.0.0.77 dev v0 table main; echo rc=$?
ip route del broadcast 10.0.0.77 dev v0 table local; echo rc=$?
ip route del broadcast 10.0.0.77 dev v0 table main
ip route get 10.0.0.77
ip route flush table main
ip route show table all
ip route get 10.9.1.1; echo rc=$?
ip route add 10.9.1.0/24 dev v0
ip rule add pref 100 from 1.2.3.4 table 100
ip route get 10.9.1.1
ip route get 10.9.2.1
ip route get 10.0.0.77
ip route show table local
ip route show table main
ip rule del pref 100
ip route get 10.9.1.1
ip route flush table local
ip route show table all
ip route get 10.0.0.1; echo rc=$?
