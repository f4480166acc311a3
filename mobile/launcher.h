// Runs what the command line asks for without a person at the phone: enrol, set or use the PIN,
// sync, then save screenshots of the main screens and quit (see docs/design.md). Each step waits
// for the previous one; a failing step prints why on stderr and ends with a non-zero exit code.
// GUI thread only.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>

class QQmlApplicationEngine;
class QQuickWindow;

namespace fieldbook::app {

class AppController;

class Launcher : public QObject
{
    Q_OBJECT

public:
    Launcher(AppController* app, QQmlApplicationEngine* engine, QObject* parent = nullptr);

    // Queues the steps the options ask for and starts them.
    void start();

    // Saves the window as `<dir>/<name>.png` at its logical size; returns the path or "" on failure.
    static QString saveScreenshot(QQuickWindow* window, const QString& dir, const QString& name);

private:
    using Step = std::function<void()>;
    void next();
    void fail(const QString& message);
    void addScreenshot(const QString& page, const QString& argument, const QString& name);
    void planScreenshots();
    void planReleaseTimelineScreenshots();
    // The demo walk (launcherwalk.cpp): each role takes the demo's cases through their next steps
    // from the app's own controllers, syncing after each, with a screenshot of every result.
    void planWalk();
    void planPractitionerWalk();
    void planCoordinatorWalk();
    void planPlayVolunteerWalk();
    // A step that acts and answers "" or why it could not; then a sync.
    void addAction(const QString& what, std::function<QString()> action);
    void addSync();
    QString contactFormFor(const QString& caseId) const;
    QQuickWindow* window() const;

    AppController* m_app;
    QQmlApplicationEngine* m_engine;
    std::deque<Step> m_steps;
    QStringList m_saved;
};

} // namespace fieldbook::app
