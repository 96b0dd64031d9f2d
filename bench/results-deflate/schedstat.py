import os, sys, time
def snap(pid):
    out = {}
    for t in os.listdir('/proc/%s/task' % pid):
        try:
            name = open('/proc/%s/task/%s/comm' % (pid, t)).read().strip()
            run, wait, _ = map(int, open('/proc/%s/task/%s/schedstat' % (pid, t)).read().split())
            out[t] = (name, run, wait)
        except OSError:
            pass
    return out
pids = sys.argv[1:]
a = {p: snap(p) for p in pids}
time.sleep(5)
b = {p: snap(p) for p in pids}
for p in pids:
    for t, (name, run, wait) in b[p].items():
        if t in a[p]:
            dr, dw = (run - a[p][t][1]) / 1e6, (wait - a[p][t][2]) / 1e6
            if dr + dw > 50:
                print('pid %s %-18s ran %5.0f ms, waited to run %5.0f ms (of 5000)' % (p, name, dr, dw))
