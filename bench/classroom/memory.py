"""Resident memory (RSS) of every process of a classroom run, sampled in a background thread."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable

import psutil


def kind_of(process: psutil.Process) -> str:
    """``hub``, ``proxy``, ``server`` (a learner's Jupyter server), ``kernel`` or ``other``."""
    try:
        command = " ".join(process.cmdline())
    except psutil.Error:
        return "other"
    if "ipykernel" in command:
        return "kernel"
    if "jupyterhub-singleuser" in command:
        return "server"
    if "configurable-http-proxy" in command:
        return "proxy"
    if "jupyterhub" in command:
        return "hub"
    return "other"


class MemorySampler:
    """Every `interval` seconds: the RSS of each process `processes()` lists, by kind and in total."""

    def __init__(self, processes: Callable[[], list[psutil.Process]], interval: float = 1.0, rescan: float = 5.0) -> None:
        self._list = processes
        self.interval, self.rescan = interval, rescan
        self.peak_total = 0
        self.last_total = 0
        self.peak_by_kind: dict[str, int] = {}
        self.peak_by_pid: dict[int, tuple[str, int]] = {}
        self.cpu_by_pid: dict[int, tuple[str, float]] = {}  # CPU seconds (user + system) last seen
        self.samples = 0
        self._known: dict[int, psutil.Process] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)

    def start(self) -> "MemorySampler":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _refresh(self, full: bool) -> None:
        if full:
            for process in self._list():
                self._known.setdefault(process.pid, process)
        for process in list(self._known.values()):
            try:
                for child in process.children(recursive=True):
                    self._known.setdefault(child.pid, child)
            except psutil.Error:
                self._known.pop(process.pid, None)

    def _loop(self) -> None:
        last_scan = 0.0
        while not self._stop.is_set():
            now = time.monotonic()
            full = now - last_scan >= self.rescan
            if full:
                last_scan = now
            self._refresh(full)
            total, by_kind = 0, {}
            for pid, process in list(self._known.items()):
                try:
                    rss = process.memory_info().rss
                    times = process.cpu_times()
                except psutil.Error:
                    self._known.pop(pid, None)
                    continue
                kind = self.peak_by_pid.get(pid, (None,))[0] or kind_of(process)
                total += rss
                by_kind[kind] = by_kind.get(kind, 0) + rss
                self.cpu_by_pid[pid] = (kind, times.user + times.system)
                if rss > self.peak_by_pid.get(pid, (kind, 0))[1]:
                    self.peak_by_pid[pid] = (kind, rss)
            self.samples += 1
            self.last_total = total
            self.peak_total = max(self.peak_total, total)
            for kind, rss in by_kind.items():
                self.peak_by_kind[kind] = max(self.peak_by_kind.get(kind, 0), rss)
            self._stop.wait(self.interval)

    def peaks(self, kind: str) -> list[int]:
        """The peak RSS of each process of one kind (bytes)."""
        return [rss for k, rss in self.peak_by_pid.values() if k == kind]

    def cpu(self, kind: str) -> list[float]:
        """CPU seconds used by each process of one kind (as last sampled)."""
        return [seconds for k, seconds in self.cpu_by_pid.values() if k == kind]

    def summary(self) -> dict[str, float]:
        """Peaks in MB: total, per kernel (median and largest), per learner's server, hub and proxy."""
        mb = 1024 * 1024
        kernels, servers = self.peaks("kernel"), self.peaks("server")
        return {
            "samples": self.samples,
            "total_mb": self.peak_total / mb,
            "kernel_median_mb": statistics.median(kernels) / mb if kernels else 0.0,
            "kernel_max_mb": max(kernels) / mb if kernels else 0.0,
            "kernels_seen": len(kernels),
            "server_median_mb": statistics.median(servers) / mb if servers else 0.0,
            "hub_mb": max(self.peaks("hub") or [0]) / mb,
            "proxy_mb": max(self.peaks("proxy") or [0]) / mb,
            "cpu_total_s": sum(seconds for _, seconds in self.cpu_by_pid.values()),
            "cpu_kernels_s": sum(self.cpu("kernel")),
            "cpu_servers_s": sum(self.cpu("server")),
            "cpu_hub_s": sum(self.cpu("hub")),
            "cpu_proxy_s": sum(self.cpu("proxy")),
        }
