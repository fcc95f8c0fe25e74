// What a browser reading French is sent once, as its own script the browser caches: the parts of
// the messages client components read (CLIENT_MESSAGES), picked from these files.
import common from "@/messages/fr/common.json";
import auth from "@/messages/fr/auth.json";
import account from "@/messages/fr/account.json";
import agreements from "@/messages/fr/agreements.json";
import alerts from "@/messages/fr/alerts.json";
import dashboard from "@/messages/fr/dashboard.json";
import errors from "@/messages/fr/errors.json";
import filters from "@/messages/fr/filters.json";
import forms from "@/messages/fr/forms.json";
import places from "@/messages/fr/places.json";
import relations from "@/messages/fr/relations.json";
import review from "@/messages/fr/review.json";
import states from "@/messages/fr/states.json";
import views from "@/messages/fr/views.json";
import notes from "@/messages/fr/notes.json";
import methodology from "@/messages/fr/methodology.json";
import admin from "@/messages/fr/admin.json";
import { clientMessages } from "../client-messages";

export default clientMessages({ common, auth, account, agreements, alerts, dashboard, errors, filters, forms, places, relations, review, states, views, notes, methodology, admin });
