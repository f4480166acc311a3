// What the benchmark reads about processes and files from Linux: the peak resident memory of a
// server (VmHWM in /proc/<pid>/status), the process serving a database (found by its command
// line), bytes on disk, and percentiles of timings.
#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace fieldbook::bench {

// VmHWM in KiB, or -1 when the process or the line is not there.
std::int64_t peakMemoryKiB(std::int64_t pid);
// The pid of the live process whose command line contains every one of `parts`, or -1.
std::int64_t findProcess(const QStringList& parts);
// Bytes allocated on disk (st_blocks * 512) under a file or folder, recursively.
std::int64_t diskBytes(const QString& path);
// Sum of diskBytes over the files of `folder` whose names start with `prefix`.
std::int64_t diskBytesWithPrefix(const QString& folder, const QString& prefix);

// Nearest-rank percentile (0 < p <= 100) of the values; 0 for no values.
double percentile(std::vector<double> values, double p);

// "Intel(R) Xeon(R) ..." from /proc/cpuinfo, or "unknown CPU".
QString cpuModel();

} // namespace fieldbook::bench
