// What a browser reading Arabic is sent once, as its own script the browser caches: the parts of
// the messages client components read (CLIENT_MESSAGES), picked from these files.
import common from "@/messages/ar/common.json";
import auth from "@/messages/ar/auth.json";
import account from "@/messages/ar/account.json";
import agreements from "@/messages/ar/agreements.json";
import alerts from "@/messages/ar/alerts.json";
import dashboard from "@/messages/ar/dashboard.json";
import errors from "@/messages/ar/errors.json";
import filters from "@/messages/ar/filters.json";
import forms from "@/messages/ar/forms.json";
import places from "@/messages/ar/places.json";
import relations from "@/messages/ar/relations.json";
import review from "@/messages/ar/review.json";
import states from "@/messages/ar/states.json";
import views from "@/messages/ar/views.json";
import notes from "@/messages/ar/notes.json";
import methodology from "@/messages/ar/methodology.json";
import admin from "@/messages/ar/admin.json";
import { clientMessages } from "../client-messages";

export default clientMessages({ common, auth, account, agreements, alerts, dashboard, errors, filters, forms, places, relations, review, states, views, notes, methodology, admin });
