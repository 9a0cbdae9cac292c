# The script runner's shell subset: quoting, variables, $?, ; && || and set -e.
NAME="two words"
echo "$NAME" 'single $NAME' \$NAME ${NAME}
false; echo rc=$?
true && echo and-ran || echo or-ran
false && echo not-printed || echo or-ran
false || false || echo third
ip link add d0 type veth peer name d1 && ip -br link show d0
[root@localhost ~]# echo prompt stripped
echo continued \
  line # a comment
sleep 2 & echo background started
wait
echo done
set -e
false || echo "set -e spares || lists"
false
echo never printed
