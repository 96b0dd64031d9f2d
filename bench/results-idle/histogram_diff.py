# Per-connection growth between two `jcmd <pid> GC.class_histogram` outputs: the total, then every
# class that grew by at least 2 B per connection. usage: histogram_diff.py BEFORE AFTER CONNECTIONS
import re
import sys


def read(path):
    classes, total = {}, 0
    for line in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            classes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
        m = re.match(r'Total\s+(\d+)\s+(\d+)', line)
        if m:
            total = int(m.group(2))
    return classes, total


before, total_before = read(sys.argv[1])
after, total_after = read(sys.argv[2])
n = int(sys.argv[3])
print("total per conn: %.1f B" % ((total_after - total_before) / n))
rows = []
for name in set(before) | set(after):
    count_before, bytes_before = before.get(name, (0, 0))
    count_after, bytes_after = after.get(name, (0, 0))
    if abs(bytes_after - bytes_before) >= n * 2:
        rows.append(((bytes_after - bytes_before) / n, (count_after - count_before) / n, name))
for size, count, name in sorted(rows, reverse=True):
    print("%8.1f B %6.2f inst  %s" % (size, count, name))
