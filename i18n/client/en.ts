// What a browser reading English is sent once, as its own script the browser caches: the parts of
// the messages client components read (CLIENT_MESSAGES), picked from these files.
import common from "@/messages/en/common.json";
import auth from "@/messages/en/auth.json";
import account from "@/messages/en/account.json";
import agreements from "@/messages/en/agreements.json";
import alerts from "@/messages/en/alerts.json";
import dashboard from "@/messages/en/dashboard.json";
import errors from "@/messages/en/errors.json";
import filters from "@/messages/en/filters.json";
import forms from "@/messages/en/forms.json";
import places from "@/messages/en/places.json";
import relations from "@/messages/en/relations.json";
import review from "@/messages/en/review.json";
import states from "@/messages/en/states.json";
import views from "@/messages/en/views.json";
import notes from "@/messages/en/notes.json";
import methodology from "@/messages/en/methodology.json";
import admin from "@/messages/en/admin.json";
import { clientMessages } from "../client-messages";

export default clientMessages({ common, auth, account, agreements, alerts, dashboard, errors, filters, forms, places, relations, review, states, views, notes, methodology, admin });
