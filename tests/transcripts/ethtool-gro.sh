ip link add va type veth peer name vb
ethtool -k va
ethtool -K va gro on tso off
ethtool -k va
ethtool -K va generic-receive-offload off tcp-segmentation-offload on
ethtool -k vb
ethtool -K va foo on
ethtool -K nodev gro on
ethtool -K va gro
