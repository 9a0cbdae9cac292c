# seq: ranges, an empty one, and the limit of a command that takes no virtual time (fuzz findings)
seq 3
seq 2 4
seq 5 1
seq -3 -1
seq 1 99999999999999999999; echo rc=$?
seq -9223372036854775808 9223372036854775807; echo rc=$?
seq 9223372036854775805 9223372036854775807
seq 2 4
seq 5 1; echo rc=$?
