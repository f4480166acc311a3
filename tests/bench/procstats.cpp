#include "procstats.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <sys/stat.h>

namespace fieldbook::bench {

std::int64_t peakMemoryKiB(std::int64_t pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            const QList<QByteArray> parts = line.mid(6).simplified().split(' ');
            bool ok = false;
            const qint64 value = parts.value(0).toLongLong(&ok);
            return ok ? value : -1;
        }
    }
    return -1;
}

std::int64_t findProcess(const QStringList& parts)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric) {
            continue;
        }
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        QByteArray cmdline = file.readAll();
        cmdline.replace('\0', ' ');
        const QString text = QString::fromLocal8Bit(cmdline);
        if (std::all_of(parts.begin(), parts.end(),
                        [&](const QString& part) { return text.contains(part); })) {
            return pid;
        }
    }
    return -1;
}

std::int64_t diskBytes(const QString& path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0) {
        return 0;
    }
    std::int64_t total = static_cast<std::int64_t>(info.st_blocks) * 512;
    if (S_ISDIR(info.st_mode)) {
        QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        while (it.hasNext()) {
            total += diskBytes(it.next());
        }
    }
    return total;
}

std::int64_t diskBytesWithPrefix(const QString& folder, const QString& prefix)
{
    std::int64_t total = 0;
    const QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    for (const QString& name : names) {
        if (name.startsWith(prefix)) {
            total += diskBytes(QDir(folder).filePath(name));
        }
    }
    return total;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1)).simplified();
            }
        }
    }
    return QStringLiteral("unknown CPU");
}

} // namespace fieldbook::bench
