// The officers' dashboard charts (Chart.js, vendored). The numbers come from the page itself (#dashboard-data),
// the same ones its tables show, so the charts never disagree with the tables or the CSV.
(function () {
    "use strict";
    const source = document.getElementById("dashboard-data");
    if (!source || typeof window.Chart !== "function") {
        return;
    }
    const data = JSON.parse(source.textContent);
    const colours = { booked: "#9bbf8a", checkedIn: "#2f6b2f", walkIns: "#e0a100", lastYear: "#7a7a7a", revenue: "#2f6b2f" };
    const common = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } };
    const charts = {};

    charts.months = new Chart(document.getElementById("chart-months"), {
        type: "bar",
        data: {
            labels: data.months,
            datasets: [
                { label: data.labels.booked, data: data.booked, backgroundColor: colours.booked, stack: "booked" },
                { label: data.labels.checkedIn, data: data.checkedIn, backgroundColor: colours.checkedIn, stack: "came" },
                { label: data.labels.walkIns, data: data.walkIns, backgroundColor: colours.walkIns, stack: "came" },
                { label: data.labels.lastYear, data: data.lastYearVisitors, type: "line", borderColor: colours.lastYear, backgroundColor: colours.lastYear, borderDash: [6, 4], pointRadius: 2 },
            ],
        },
        options: { ...common, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    });

    charts.revenue = new Chart(document.getElementById("chart-revenue"), {
        type: "bar",
        data: {
            labels: data.months,
            datasets: [
                { label: data.labels.revenue, data: data.revenue, backgroundColor: colours.revenue },
                { label: data.labels.lastYearRevenue, data: data.lastYearRevenue, backgroundColor: colours.lastYear },
            ],
        },
        options: { ...common, scales: { y: { beginAtZero: true, ticks: { callback: v => "¥" + v } } } },
    });

    charts.split = new Chart(document.getElementById("chart-split"), {
        type: "bar",
        data: {
            labels: data.split,
            datasets: [
                { label: data.labels.visitors, data: data.splitVisitors, backgroundColor: colours.checkedIn },
                { label: data.labels.booked, data: data.splitBooked, backgroundColor: colours.booked },
            ],
        },
        options: { ...common, indexAxis: "y", scales: { x: { beginAtZero: true } } },
    });

    const occupancy = document.getElementById("chart-occupancy");
    if (occupancy) {
        charts.occupancy = new Chart(occupancy, {
            type: "bar",
            data: {
                labels: data.occupancy,
                datasets: [{ label: data.labels.occupancy, data: data.occupancyRate, backgroundColor: colours.walkIns }],
            },
            options: { ...common, indexAxis: "y", scales: { x: { beginAtZero: true, suggestedMax: 100, ticks: { callback: v => v + "%" } } } },
        });
    }

    // For the browser tests and anyone inspecting the page: what was drawn.
    window.bananCharts = charts;
})();
