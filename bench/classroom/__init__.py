"""A class on one JupyterHub: a real hub on loopback under N simulated learners (``python -m bench.classroom``).

Files, one concern each:

* `hub` - the proxy (npm's configurable-http-proxy) and JupyterHub, their config, restart and clean-up;
* `learner` - one learner: log in, start a server, run lessons through the kernel websocket, save answers;
* `memory` - RSS of every process of the run, sampled in a thread;
* `run` - one class: learners, the faults (killed kernels, a hub restart), the answer checks;
* `__main__` - the command line, the printed table and the capacity search.
"""
