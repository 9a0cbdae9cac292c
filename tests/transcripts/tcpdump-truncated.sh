# A capture whose snapshot length (63) cuts an ICMP port unreachable before the
# quoted UDP header's ports (found by fuzz_pcap: the port was read past the
# captured bytes); -v shows the header checksum it should have, -e the length on
# the wire, not the captured one
tcpdump -r tests/fuzz/corpus/pcap/finding-icmp-unreach-snaplen -nn
tcpdump -r tests/fuzz/corpus/pcap/finding-icmp-unreach-snaplen -nn -v
tcpdump -r tests/fuzz/corpus/pcap/finding-icmp-unreach-snaplen -nn -e -vvv
