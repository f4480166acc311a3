#include "launcher.h"

#include "appcontroller.h"
#include "controllers/casecontroller.h"
#include "models/caseloadmodel.h"
#include "store/localstore.h"
#include "sync/synccontroller.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace fieldbook::app {

namespace {
// Long enough for a StackView transition and the first frame of a page to settle.
constexpr int kSettleMs = 700;
} // namespace

Launcher::Launcher(AppController* app, QQmlApplicationEngine* engine, QObject* parent)
    : QObject(parent), m_app(app), m_engine(engine)
{
}

QQuickWindow* Launcher::window() const
{
    const auto roots = m_engine->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
}

void Launcher::start()
{
    const AppOptions& options = m_app->options();
    if (options.wantsEnrol() && m_app->state() == AppController::State::Enrol) {
        m_steps.emplace_back([this] {
            const AppOptions& o = m_app->options();
            if (o.pin.isEmpty()) {
                fail(QStringLiteral("--enrol-code needs --pin to protect the local data"));
                return;
            }
            connect(
                m_app, &AppController::enrolFinished, this,
                [this](bool ok, const QString& message) {
                    if (!ok) {
                        fail(QStringLiteral("enrolment failed: %1").arg(message));
                        return;
                    }
                    std::printf("enrolled with %s\n", qPrintable(m_app->serverUrl()));
                    std::fflush(stdout);
                    next();
                },
                Qt::SingleShotConnection);
            m_app->enrol(o.serverUrl, o.fingerprint, o.enrolCode, o.pin);
        });
    } else if (!options.pin.isEmpty() && m_app->state() == AppController::State::Locked) {
        m_steps.emplace_back([this] {
            connect(
                m_app, &AppController::unlockFinished, this,
                [this](bool ok, const QString& message) {
                    if (!ok) {
                        fail(QStringLiteral("unlock failed: %1").arg(message));
                        return;
                    }
                    next();
                },
                Qt::SingleShotConnection);
            m_app->unlock(m_app->options().pin);
        });
    }
    if (!options.serverUrl.isEmpty() || !options.pin.isEmpty()) {
        addSync();
    }
    if (!options.screenshotDir.isEmpty()) {
        m_steps.emplace_back([this] {
            planScreenshots();
            next();
        });
    }
    if (options.quitAfterScreenshots) {
        m_steps.emplace_back([] { QCoreApplication::exit(0); });
    }
    QTimer::singleShot(kSettleMs, this, &Launcher::next);
}

void Launcher::planScreenshots()
{
    // Queued in front of whatever follows (the quit step), in the order they are taken.
    std::deque<Step> planned;
    std::swap(planned, m_steps);
    if (m_app->state() != AppController::State::Ready) {
        addScreenshot({}, {}, m_app->state() == AppController::State::Enrol ? QStringLiteral("enrol")
                                                                             : QStringLiteral("unlock"));
    } else {
        addScreenshot(QStringLiteral("caseload"), {}, QStringLiteral("caseload"));
        if (m_app->roles().contains(QStringLiteral("manager"))) {
            addScreenshot(QStringLiteral("report"), {}, QStringLiteral("manager-home"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
        }
        // Safeguarding: the officer's inbox and review, everyone's alerts.
        if (m_app->roles().contains(QStringLiteral("safeguarding_officer"))) {
            addScreenshot(QStringLiteral("safeguarding"), {}, QStringLiteral("safeguarding-home"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
        }
        addScreenshot(QStringLiteral("alerts"), {}, QStringLiteral("alerts"));
        addScreenshot(QStringLiteral("caseload"), {}, {});
        const CaseloadModel* caseload = m_app->caseload();
        int blocked = -1;
        for (int row = 0; row < caseload->rowCount(); ++row) {
            if (!caseload->data(caseload->index(row), CaseloadModel::ClearedRole).toBool()) {
                blocked = row;
                break;
            }
        }
        int cleared = -1;
        for (int row = 0; row < caseload->rowCount(); ++row) {
            if (caseload->data(caseload->index(row), CaseloadModel::ClearedRole).toBool()) {
                cleared = row;
                break;
            }
        }
        const int first = cleared >= 0 ? cleared : (caseload->rowCount() > 0 ? 0 : -1);
        if (first >= 0) {
            const QString caseId = caseload->data(caseload->index(first), CaseloadModel::CaseIdRole).toString();
            const QString personId = caseload->data(caseload->index(first), CaseloadModel::PersonIdRole).toString();
            addScreenshot(QStringLiteral("case"), caseId, QStringLiteral("case"));
            addScreenshot(QStringLiteral("form"), contactFormFor(caseId) + QLatin1Char(':') + caseId + QLatin1Char(':') + personId,
                          QStringLiteral("form"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
        }
        if (blocked >= 0 && blocked != first) {
            const QString caseId = caseload->data(caseload->index(blocked), CaseloadModel::CaseIdRole).toString();
            addScreenshot(QStringLiteral("case"), caseId, QStringLiteral("case-not-cleared"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
        }
        planReleaseTimelineScreenshots();
        if (m_app->options().walk) {
            planWalk();
        }
        addScreenshot(QStringLiteral("form"), QStringLiteral("safeguarding_report::"), QStringLiteral("safeguarding"));
        addScreenshot(QStringLiteral("caseload"), {}, {});
        addScreenshot(QStringLiteral("sync"), {}, QStringLiteral("sync"));
        addScreenshot(QStringLiteral("caseload"), {}, {});
        m_steps.emplace_back([this] {
            m_app->lock();
            QTimer::singleShot(kSettleMs, this, &Launcher::next);
        });
        addScreenshot({}, {}, QStringLiteral("unlock"));
        if (!m_app->options().pin.isEmpty()) {
            m_steps.emplace_back([this] {
                m_app->unlock(m_app->options().pin);
                QTimer::singleShot(kSettleMs, this, &Launcher::next);
            });
        }
    }
    for (Step& step : planned) {
        m_steps.push_back(std::move(step));
    }
}

void Launcher::planReleaseTimelineScreenshots()
{
    // Through the gate: every mentoring case of the caseload gets its timeline, soonest release
    // first as the caseload orders it, and an intensive case its rota too.
    const CaseloadModel* caseload = m_app->caseload();
    int shown = 0;
    for (int row = 0; row < caseload->rowCount(); ++row) {
        const QString caseId = caseload->data(caseload->index(row), CaseloadModel::CaseIdRole).toString();
        const auto theCase = m_app->store()->record("case", caseId.toStdString());
        if (!theCase || theCase->text("stream") != "mentoring") {
            continue;
        }
        ++shown;
        addScreenshot(QStringLiteral("case"), caseId, QStringLiteral("mentoring-case-%1").arg(shown));
        addScreenshot(QStringLiteral("timeline"), caseId, QStringLiteral("timeline-%1").arg(shown));
        addScreenshot(QStringLiteral("caseload"), {}, {});
        if (theCase->text("mentoring_service") == "intensive") {
            addScreenshot(QStringLiteral("timeline"), caseId + QStringLiteral(":rota"), QStringLiteral("rota"));
            addScreenshot(QStringLiteral("caseload"), {}, {});
        }
    }
}

QString Launcher::contactFormFor(const QString& caseId) const
{
    // The first form the case page offers this person (contact forms come first).
    CaseController controller;
    controller.setCaseId(caseId);
    const QVariantList forms = controller.forms();
    return forms.isEmpty() ? QStringLiteral("safeguarding_report")
                           : forms.first().toMap().value(QStringLiteral("recordType")).toString();
}

void Launcher::addScreenshot(const QString& page, const QString& argument, const QString& name)
{
    if (!page.isEmpty()) {
        m_steps.emplace_back([this, page, argument] {
            m_app->navigate(page, argument);
            QTimer::singleShot(kSettleMs, this, &Launcher::next);
        });
    }
    if (name.isEmpty()) {
        return;
    }
    m_steps.emplace_back([this, name] {
        const QString path = saveScreenshot(window(), m_app->options().screenshotDir, name);
        if (path.isEmpty()) {
            fail(QStringLiteral("could not save screenshot %1").arg(name));
            return;
        }
        m_saved << path;
        std::printf("screenshot: %s\n", qPrintable(path));
        std::fflush(stdout);
        next();
    });
}

void Launcher::addSync()
{
    m_steps.emplace_back([this] {
        auto* sync = m_app->sync();
        connect(
            sync, &SyncController::finished, this,
            [this](bool ok, const QString& message) {
                if (!ok) {
                    fail(QStringLiteral("sync failed: %1").arg(message));
                    return;
                }
                std::printf("sync: %s\n", qPrintable(message));
                std::fflush(stdout);
                next();
            },
            Qt::SingleShotConnection);
        sync->syncNow();
    });
}

void Launcher::addAction(const QString& what, std::function<QString()> action)
{
    m_steps.emplace_back([this, what, action = std::move(action)] {
        if (const QString why = action(); !why.isEmpty()) {
            fail(QStringLiteral("%1: %2").arg(what, why));
            return;
        }
        std::printf("walk: %s\n", qPrintable(what));
        std::fflush(stdout);
        next();
    });
    addSync();
}

void Launcher::next()
{
    if (m_steps.empty()) {
        return;
    }
    Step step = std::move(m_steps.front());
    m_steps.pop_front();
    step();
}

void Launcher::fail(const QString& message)
{
    std::fprintf(stderr, "fieldbook: %s\n", qPrintable(message));
    std::fflush(stderr);
    m_steps.clear();
    if (m_app->options().quitAfterScreenshots) {
        QCoreApplication::exit(1);
    }
}

QString Launcher::saveScreenshot(QQuickWindow* window, const QString& dir, const QString& name)
{
    if (!window || !QDir().mkpath(dir)) {
        return {};
    }
    QImage image = window->grabWindow();
    if (image.isNull()) {
        return {};
    }
    // Saved at the logical size so that every screenshot is 360x844 whatever the screen's scale.
    const QSize logical = window->size();
    if (image.size() != logical) {
        image = image.scaled(logical, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    const QString path = QDir(dir).absoluteFilePath(name + QStringLiteral(".png"));
    return image.save(path, "PNG") ? path : QString();
}

} // namespace fieldbook::app
